/** The plugin registry: plugins found with ServiceLoader or bound by plugin modules meet in Guice MapBinders by name, and are checked there. */
package dev.retrograd.registry;
