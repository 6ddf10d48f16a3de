// Helpers the test targets share and no product links: approximate equality with stated
// tolerances, finite-difference gradient checks, the paths of fixtures and bundled datasets, a
// scratch folder per test, and the runner of the built `tsf` executable.
