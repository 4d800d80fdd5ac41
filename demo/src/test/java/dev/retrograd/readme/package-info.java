/** Tests that compile and run the code shown in the README. */
package dev.retrograd.readme;
