// Adds lock entries for platform packages the local registry mirror does not serve, so npm ci
// validates; they are optional and never installed on linux-x64.
const fs = require("fs");
const [lockPath, missingPath] = process.argv.slice(2);
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const platform = (name) => {
  const n = name.split("/")[1];
  const os = /darwin/.test(n) ? "darwin" : /win32/.test(n) ? "win32" : /android/.test(n) ? "android" : /freebsd/.test(n) ? "freebsd" : /linux/.test(n) ? "linux" : null;
  const cpu = /arm64/.test(n) ? "arm64" : /x64/.test(n) ? "x64" : /arm-/.test(n) ? "arm" : /wasm32/.test(n) ? "wasm32" : null;
  return { os, cpu };
};
for (const line of fs.readFileSync(missingPath, "utf8").split("\n").filter(Boolean)) {
  const name = line.replace(/@$/, "");
  let version = null;
  for (const [k, v] of Object.entries(lock.packages)) {
    if (v.optionalDependencies && v.optionalDependencies[name]) version = v.optionalDependencies[name];
  }
  const { os, cpu } = platform(name);
  const entry = { version, optional: true };
  if (cpu) entry.cpu = [cpu];
  if (os) entry.os = [os];
  lock.packages[`node_modules/${name}`] = entry;
}
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
