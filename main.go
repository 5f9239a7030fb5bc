// Command cellule is the crisis cell's console: a live, shared terminal UI
// served over SSH, with the crisis record in an embedded database.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	// The zone database inside the binary: --tz Europe/Paris works on a
	// crisis laptop without the system's tzdata.
	_ "time/tzdata"

	"cellule/app"
	"cellule/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Execute(ctx, app.LocalEnv(os.Stdin, os.Stdout, os.Stderr), os.Args[1:])
	stop()
	os.Exit(code)
}
