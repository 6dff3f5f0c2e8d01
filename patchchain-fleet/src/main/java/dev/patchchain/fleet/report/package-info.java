/**
 * The organisation view ({@link dev.patchchain.fleet.report.FleetReport}) and its renderings: a static HTML page with
 * inline SVG charts ({@link dev.patchchain.fleet.report.ReportHtml}), CSV of machines and JSON.
 */
package dev.patchchain.fleet.report;
