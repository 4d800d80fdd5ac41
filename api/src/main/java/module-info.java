/** The retrograd plugin SPI, with no dependencies: what a plugin author compiles against. */
module dev.retrograd.api {
  exports dev.retrograd.api;
}
