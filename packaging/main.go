// Command packaging builds Cellule's Debian package from a built Linux
// binary, with nfpm used as a library. It is a module of its own
// (packaging/go.mod pins nfpm), so that nfpm and what it pulls in (a git
// client, an HTTP stack) are neither in the cellule binary nor in the
// main module's dependency graph and vulnerability check.
//
//	cd packaging && go run . --binary ../dist/cellule-linux-amd64 --arch amd64 --version 0.1.0 --out ../dist
//
// The package installs /usr/bin/cellule and the systemd unit
// (cellule.service, beside this file); its postinst creates the cellule
// system user and /var/lib/cellule. packaging/build.sh runs it for the
// Linux builds.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/goreleaser/nfpm/v2"
	_ "github.com/goreleaser/nfpm/v2/deb" // registers the deb packager
	"github.com/goreleaser/nfpm/v2/files"
)

var (
	//go:embed cellule.service
	unit []byte
	//go:embed postinst
	postinst []byte
	//go:embed prerm
	prerm []byte
	//go:embed postrm
	postrm []byte
)

// Paths the package installs, as the unit names them.
const (
	BinaryPath = "/usr/bin/cellule"
	UnitPath   = "/lib/systemd/system/cellule.service"
)

// Deb describes one package to build.
type Deb struct {
	Binary  string // the cellule binary for Linux on Arch
	Arch    string // Debian's name: amd64, arm64
	Version string
	// MTime is the time stamped on the files, so that the same inputs
	// build the same package.
	MTime time.Time
}

// Build writes the .deb into dir and returns its path.
func Build(d Deb, dir string) (string, error) {
	if _, err := os.Stat(d.Binary); err != nil {
		return "", fmt.Errorf("the binary to package: %w", err)
	}
	tmp, err := os.MkdirTemp("", "cellule-deb-*")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	write := func(name string, b []byte, mode os.FileMode) string {
		p := filepath.Join(tmp, name)
		if err == nil {
			err = os.WriteFile(p, b, mode)
		}
		return p
	}
	unitFile := write("cellule.service", unit, 0o644)
	scripts := nfpm.Scripts{
		PostInstall: write("postinst", postinst, 0o755),
		PreRemove:   write("prerm", prerm, 0o755),
		PostRemove:  write("postrm", postrm, 0o755),
	}
	if err != nil {
		return "", err
	}
	info := &nfpm.Info{
		Name:          "cellule",
		Arch:          d.Arch,
		Platform:      "linux",
		Version:       d.Version,
		VersionSchema: "none",
		Section:       "net",
		Priority:      "optional",
		Maintainer:    "Cellule maintainers <cellule@localhost>",
		Description: "Crisis cell console over SSH\n" +
			"Cellule keeps a hospital crisis cell's logbook, tasks, checklists,\n" +
			"directory and recovery plan on one machine, reached over SSH.",
		License: "Proprietary",
		MTime:   d.MTime,
		Overridables: nfpm.Overridables{
			Contents: files.Contents{
				{Source: d.Binary, Destination: BinaryPath, FileInfo: &files.ContentFileInfo{Mode: 0o755, MTime: d.MTime}},
				{Source: unitFile, Destination: UnitPath, FileInfo: &files.ContentFileInfo{Mode: 0o644, MTime: d.MTime}},
			},
			Scripts: scripts,
			// Chromium is what export --pdf prints with; the rest works
			// without it.
			Suggests: []string{"chromium"},
		},
	}
	info = nfpm.WithDefaults(info)
	if err := nfpm.PrepareForPackager(info, "deb"); err != nil {
		return "", err
	}
	pkg, err := nfpm.Get("deb")
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, pkg.ConventionalFileName(info))
	f, err := os.Create(out)
	if err != nil {
		return "", err
	}
	if err := pkg.Package(info, f); err != nil {
		f.Close()
		os.Remove(out)
		return "", err
	}
	return out, f.Close()
}

func main() {
	var d Deb
	var out string
	flag.StringVar(&d.Binary, "binary", "", "the cellule binary for Linux (required)")
	flag.StringVar(&d.Arch, "arch", "amd64", "Debian architecture: amd64 or arm64")
	flag.StringVar(&d.Version, "version", "0.0.0", "package version")
	flag.StringVar(&out, "out", "dist", "directory to write the .deb into")
	flag.Parse()
	if d.Binary == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	d.MTime = time.Unix(0, 0).UTC()
	if epoch := os.Getenv("SOURCE_DATE_EPOCH"); epoch != "" {
		if sec, err := strconv.ParseInt(epoch, 10, 64); err == nil {
			d.MTime = time.Unix(sec, 0).UTC()
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	path, err := Build(d, out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "packaging:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
