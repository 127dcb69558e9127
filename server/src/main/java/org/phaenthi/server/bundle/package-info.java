/**
 * Static map bundles for websites that cannot run a Java server.
 *
 * <p>A <em>bundle</em> is a folder (or its zip) that any static host serves: the web app's own
 * files, a {@code bundle.json} <em>manifest</em> that switches the app to its static data source,
 * the API's answers for one <em>area</em> (a province, a district, or {@code TH}) and the chosen
 * indicators and years as JSON files under {@code data/}, and one multi-level PMTiles
 * <em>archive</em> the app reads with HTTP range requests. {@link
 * org.phaenthi.server.bundle.BundleBuilder} writes it from the API's own answers (asked through a
 * {@link org.phaenthi.server.bundle.BundleBuilder.Api}), so every file is what the server would
 * send for the same question.
 */
package org.phaenthi.server.bundle;
