import BPMNRunCLI

BPMNRunCommand.main()
