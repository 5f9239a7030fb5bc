// Package atomicfile replaces a file only with a complete copy that is on
// disk: a crash, a full disk or a failed render never leaves a half-written
// file where a whole one was expected, nor loses the one that was there.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write has fill write the new content into a temporary file beside path,
// private to its owner (0600: crisis records, keys), syncs it, hands its
// name to check (when not nil) to read it back, and only then renames it
// over path and syncs the directory, which makes the rename durable. On
// any failure path is left as it was and the temporary file is removed;
// the errors of fill and check are returned as they are.
func Write(path string, fill func(io.Writer) error, check func(tmpName string) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := fill(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("%s could not be synced to disk: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if check != nil {
		if err := check(tmp.Name()); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// WriteData is Write of content already in memory.
func WriteData(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, nil)
}
