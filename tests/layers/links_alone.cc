// A program that only links one library whole (tests/layers/layers.cmake): building it proves
// that every object of the library resolves against the layers the library declares.
int main() { return 0; }
