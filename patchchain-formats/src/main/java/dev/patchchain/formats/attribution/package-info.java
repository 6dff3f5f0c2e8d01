/**
 * Attribution rules as data: {@link dev.patchchain.formats.attribution.AttributionRulesReader} reads the
 * {@code class<TAB>label<TAB>regex} file that sorts queue entries into
 * {@link dev.patchchain.core.analysis.Attribution} classes, and ships the default rules as a resource.
 */
package dev.patchchain.formats.attribution;
