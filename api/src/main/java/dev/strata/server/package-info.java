/** The scan service of {@code strata serve}: Vert.x HTTP API v1, durable scan jobs, auth and reference policy. */
package dev.strata.server;
