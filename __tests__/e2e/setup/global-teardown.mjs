export default async function globalTeardown() {
  const child = globalThis.__e2eServer;
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        r();
      }, 5000);
      child.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
  await globalThis.__e2eRunDatabase?.drop();
}
