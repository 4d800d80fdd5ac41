/** The plugin registry: finds plugins with ServiceLoader, checks them and binds them by name with Guice. */
package dev.retrograd.registry;
