"""arkivgen: synthetic Chinese hospital-archive documents for training and testing arkiv."""

VERSION = "0.4.1"
