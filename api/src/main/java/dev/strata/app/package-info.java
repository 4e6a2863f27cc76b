/** Application services shared by the CLI and (later) the web API: scanning an image into the index. */
package dev.strata.app;
