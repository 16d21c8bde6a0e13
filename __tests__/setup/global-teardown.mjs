export default async function globalTeardown() {
  await globalThis.__closereadRunDatabase?.drop();
}
