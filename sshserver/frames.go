package sshserver

// consoleFPS is how often bubbletea's ticker wakes a console's program. The
// console is drawn by its frameWriter as soon as a message changes it (see
// screen.go), so the ticker only flushes what bubbletea itself queues for
// the terminal (answers to clipboard or colour queries, which the console
// never makes); with hundreds of consoles open, every wake-up counts in the
// server's idle CPU. One a second is bubbletea's minimum.
const consoleFPS = 1
