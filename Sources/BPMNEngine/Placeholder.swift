import BPMNModel
