/**
 * Engine entry points for retrograd's own modules, not for users: they skip the copies the public
 * {@code Value} API makes and may change in any release.
 */
package dev.retrograd.autograd.internal;
