/** The conformance kit: one call checks that a plugin of any kind behaves as its contract says. */
package dev.retrograd.testkit;
