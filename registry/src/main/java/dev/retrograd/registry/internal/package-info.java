/** How the registry finds plugins and plugin modules with ServiceLoader, binds them with Guice and checks what was bound. */
package dev.retrograd.registry.internal;
