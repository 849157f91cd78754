// Command ftcheck checks the claims of Sohn, Kwon, An, Lee (UAI 2024),
// "Memorization Capacity for Additive Fine-Tuning with Small ReLU Networks",
// with exact rational arithmetic, and fine-tunes a user's own network exactly.
//
// Usage:
//
//	ftcheck report     [-seed S] [-checks N] [-timeout D] [-out DIR]
//	ftcheck check ID   [-seed S] [-checks N]
//	ftcheck finetune   -net f.json -data new.csv [-depth 2|3] [-out g.json]
//	ftcheck eval       -net g.json -data pts.csv
//	ftcheck verify     -net g.json -data pts.csv [-base f.json]
//	ftcheck mstar      -data line.csv
//	ftcheck witness    -claim ID -N n -K k
//	ftcheck experiment fig9 [-quick] [-seed S] [-out DIR]
//	ftcheck plot bounds [-out DIR]
//
// Exit codes: 0 ok/holds, 1 counterexample or failed verification, 2 bad
// usage or bad input, 3 inconclusive.
//
// Networks may have C ≥ 1 outputs (a classifier's logits), data then C
// labels a row (header x1,…,xd,y1,…,yC; y alone is C = 1): eval prints C
// outputs a row, verify checks every output, finetune -depth 2 builds one g
// with C outputs sharing one hidden layer (vector.go).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/ftcheck/ftcheck/oracle"
)

func main() {
	err := run(os.Stdout, os.Stderr, os.Args[1:])
	os.Exit(exitCode(os.Stderr, err))
}

// Exit codes of INTERFACE.md.
const (
	exitOK           = 0
	exitFailed       = 1
	exitUsage        = 2
	exitInconclusive = 3
)

// exitError carries an exit code; a nil or empty Msg prints nothing more.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{exitUsage, fmt.Sprintf(format, args...)}
}

func failed(format string, args ...any) error {
	return &exitError{exitFailed, fmt.Sprintf(format, args...)}
}

func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "ftcheck: "+ee.msg+limitHint(err))
		}
		return ee.code
	}
	// Any other error is bad input: files, numbers, shapes, limits.
	fmt.Fprintln(stderr, "ftcheck: "+err.Error()+limitHint(err))
	return exitUsage
}

// limitHint tells how to raise a resource limit that err reports.
func limitHint(err error) string {
	var le *oracle.LimitError
	if errors.As(err, &le) {
		if le.Limit == "max-K" {
			return " (raise it with -max-K N)"
		}
		return fmt.Sprintf(" (raise it with -%s N; 0 means no limit)", le.Limit)
	}
	return ""
}

// command is one subcommand; files register theirs from init.
type command struct {
	summary string
	run     func(stdout, stderr io.Writer, args []string) error
}

var commands = map[string]command{}

func register(name, summary string, run func(stdout, stderr io.Writer, args []string) error) {
	if _, dup := commands[name]; dup {
		panic("ftcheck: command registered twice: " + name)
	}
	commands[name] = command{summary, run}
}

func run(stdout, stderr io.Writer, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return &exitError{exitUsage, ""}
		}
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return usageErr("unknown command %q", args[0])
	}
	return c.run(stdout, stderr, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: ftcheck <command> [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'ftcheck <command> -h' for the flags of a command.\nExit codes: 0 ok/holds, 1 counterexample or failed verification, 2 bad usage or input, 3 inconclusive.")
}
