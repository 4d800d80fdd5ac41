/** The files a training run leaves in its output folder: one writer per file, bound by file name. */
package dev.retrograd.demo.runfiles;
