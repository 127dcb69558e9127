/**
 * The JSON API handlers, one per endpoint: health, meta, levels, indicators, values (per level and
 * per area), name search and simplified geometry. Values of areas without data carry a reason and
 * are never 0; a level or year without data is an explicit empty result with a reason.
 */
package org.phaenthi.server.api;
