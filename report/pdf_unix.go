//go:build unix

package report

import (
	"os/exec"
	"syscall"
)

// killGroup makes a cancelled conversion end the browser's helper
// processes too (zygote, renderer), not only the one it started.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
