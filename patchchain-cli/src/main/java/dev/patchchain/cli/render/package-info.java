/** Rendering of results as text tables and JSON trees; no logic about what the results mean. */
package dev.patchchain.cli.render;
