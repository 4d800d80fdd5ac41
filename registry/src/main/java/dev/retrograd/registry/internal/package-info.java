/** How the registry finds plugins with ServiceLoader, checks them and binds them with Guice. */
package dev.retrograd.registry.internal;
