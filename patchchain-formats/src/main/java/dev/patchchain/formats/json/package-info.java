/**
 * patchchain's own JSON queue document ({@code docs/formats/json-queue.md}): read and written by
 * {@link dev.patchchain.formats.json.JsonQueueFormat}, held in a {@link dev.patchchain.formats.json.JsonQueueDocument}.
 */
package dev.patchchain.formats.json;
