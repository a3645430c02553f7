/**
 * The server lives as long as the editor and keeps little: with 3,000 plans analysed its
 * live heap is about 35 MB. V8's default lets the heap grow to four times what survived
 * before it collects again, which left 230 MB resident; growing by half keeps it near
 * 150 MB at the cost of more frequent (incremental) collections. V8 reads the factor at
 * every collection, so setting it after start-up takes effect (bench/ measures it).
 */
export const HEAP_GROWING_FLAG = '--heap-growing-percent=50';
