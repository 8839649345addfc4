import BPMNRunCLI
