/**
 * {@code patchchain serve}: {@link dev.patchchain.fleet.server.FleetServer}, an HTTP server (Javalin) that takes
 * snapshots from agents ({@code POST /api/v1/snapshots}, bearer token), lists machines, shows the dashboard and
 * exposes health and Prometheus metrics.
 */
package dev.patchchain.fleet.server;
