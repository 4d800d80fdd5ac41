/** The plugin SPI: the four plugin kinds, their hyperparameters, the Parameters view and the optimizer base class. */
package dev.retrograd.api;
