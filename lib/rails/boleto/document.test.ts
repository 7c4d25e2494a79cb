import { describe, expect, it } from "vitest";
import { isValidCnpj, isValidCpf, parseTaxId } from "./document";

describe("isValidCpf", () => {
  it.each(["529.982.247-25", "52998224725", "111.444.777-35", " 529 982 247 25 "])("accepts %s", (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it.each([
    ["529.982.247-24", "wrong second digit"],
    ["529.982.247-15", "wrong first digit"],
    ["111.111.111-11", "all the same digit, though its check digits add up"],
    ["000.000.000-00", "all zeros"],
    ["5299822472", "too short"],
    ["529982247251", "too long"],
    ["52998224A25", "a letter"],
  ])("rejects %s (%s)", (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });
});

describe("isValidCnpj", () => {
  it.each(["11.222.333/0001-81", "11222333000181", "00.000.000/0001-91"])("accepts %s", (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(true);
  });

  it("accepts the Receita Federal's alphanumeric example", () => {
    expect(isValidCnpj("12.ABC.345/01DE-35")).toBe(true);
    expect(isValidCnpj("12.abc.345/01de-35")).toBe(true);
  });

  it.each([
    ["11.222.333/0001-80", "wrong second digit"],
    ["11.222.333/0001-91", "wrong first digit"],
    ["12.ABC.345/01DE-36", "wrong digit on an alphanumeric CNPJ"],
    ["12.ABC.345/01DE-3A", "a letter among the check digits"],
    ["11.111.111/1111-11", "all the same digit"],
    ["1122233300018", "too short"],
  ])("rejects %s (%s)", (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(false);
  });
});

describe("parseTaxId", () => {
  it("tells a CPF from a CNPJ", () => {
    expect(parseTaxId("529.982.247-25")).toEqual({ kind: "cpf", value: "52998224725" });
    expect(parseTaxId("11.222.333/0001-81")).toEqual({ kind: "cnpj", value: "11222333000181" });
    expect(parseTaxId("12.abc.345/01de-35")).toEqual({ kind: "cnpj", value: "12ABC34501DE35" });
    expect(parseTaxId("529.982.247-24")).toBeNull();
  });
});
