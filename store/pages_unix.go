//go:build unix

package store

import (
	"os"
	"syscall"
)

// mapFile maps the first size bytes of f read-only, for the page walk: a
// page is then a slice, not a read. It returns nil (the walk reads) when
// the mapping cannot be made.
func mapFile(f *os.File, size int64) ([]byte, func()) {
	if size <= 0 || int64(int(size)) != size {
		return nil, func() {}
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, func() {}
	}
	return data, func() { _ = syscall.Munmap(data) }
}
