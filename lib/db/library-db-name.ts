/** The library's IndexedDB database name (its own module, so a tiny early script can use it without Dexie). */
export const LIBRARY_DB_NAME = 'health-clipper';
