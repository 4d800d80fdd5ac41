/**
 * Named experiments that reproduce, with real training runs from fixed seeds, what the textbook says
 * about training deep networks.
 */
package dev.retrograd.demo.experiment;
