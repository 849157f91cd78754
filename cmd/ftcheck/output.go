package main

// The one writer of every file ftcheck writes (-out of finetune, report's,
// experiment's and plot's files). It behaves as a Unix tool's `> path`:
//
//   - a symbolic link is written through to its target (created if the link
//     dangles); the link itself stays;
//   - a device, FIFO or socket is opened and written directly, never
//     replaced;
//   - an existing directory, or an empty name, is refused with a message;
//   - a regular file (new or existing) is replaced atomically: the content is
//     rendered in memory, written to a temporary file beside the target and
//     renamed over it, so a failure leaves the old file or none, never half
//     a file and never the temporary file;
//   - a new file gets mode 0666 minus the umask, an existing one keeps its
//     mode.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// writeOutput renders write into memory and puts the bytes at path.
func writeOutput(path string, write func(io.Writer) error) error {
	if err := checkOutput(path); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	target, err := resolveLinks(path)
	if err != nil {
		return usageErr("%s: %v", path, err)
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.IsDir():
		return usageErr("%s is a directory; name a file to write", path)
	case err == nil && !fi.Mode().IsRegular():
		return writeDirect(target, buf.Bytes())
	case err == nil:
		perm := fi.Mode().Perm()
		return replaceFile(target, buf.Bytes(), &perm)
	case errors.Is(err, fs.ErrNotExist):
		return replaceFile(target, buf.Bytes(), nil)
	}
	return usageErr("%v", err)
}

// checkOutput refuses, before any work, an output that can never be written:
// an empty name, an existing directory, a missing or unwritable directory.
func checkOutput(path string) error {
	if path == "" {
		return usageErr("the output file name is empty")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usageErr("%s is a directory; name a file to write", path)
	}
	target, err := resolveLinks(path)
	if err != nil {
		return usageErr("%s: %v", path, err)
	}
	if fi, err := os.Stat(target); err == nil && !fi.Mode().IsRegular() {
		return nil // a device or FIFO: opened when written
	}
	return checkDirWritable(filepath.Dir(target))
}

// checkOutputDir makes dir (and its parents) if needed and checks that files
// can be created in it, so that a long run never ends unable to write.
func checkOutputDir(dir string) error {
	if dir == "" {
		return usageErr("the output directory name is empty")
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return usageErr("%s is not a directory", dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return usageErr("cannot create the output directory: %v", err)
	}
	return checkDirWritable(dir)
}

// checkDirWritable creates and removes a probe file in dir.
func checkDirWritable(dir string) error {
	f, err := createTemp(dir, "probe", 0o600)
	if err != nil {
		return usageErr("cannot write in %s: %v", dir, unwrapPath(err))
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// resolveLinks follows symbolic links from path to the name a write lands
// on: the final target, existing or not.
func resolveLinks(path string) (string, error) {
	for i := 0; i < 40; i++ {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// writeDirect writes to a device, FIFO or socket without replacing it.
func writeDirect(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return usageErr("%v", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// replaceFile writes data to a new temporary file beside path and renames
// it over path; on any failure the temporary file is removed. keep is the
// existing file's mode, nil for a new file (0666 minus the umask).
func replaceFile(path string, data []byte, keep *fs.FileMode) (err error) {
	tmp, err := createTemp(filepath.Dir(path), filepath.Base(path), 0o666)
	if err != nil {
		return usageErr("%v", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if keep != nil {
		if err = tmp.Chmod(*keep); err != nil {
			return err
		}
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// createTemp creates a new file .BASE.tmpNNN in dir with perm (the umask
// applies), unlike os.CreateTemp's fixed 0600.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	seed := time.Now().UnixNano()
	for i := 0; ; i++ {
		name := filepath.Join(dir, "."+base+".tmp"+strconv.FormatInt((seed+int64(i)*7919)%1e9, 10))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && i < 100 {
			continue
		}
		return f, err
	}
}

// outputErr names the flag of a refused output.
func outputErr(flag string, err error) error {
	var ee *exitError
	if errors.As(err, &ee) {
		return usageErr("%s: %s", flag, ee.msg)
	}
	return fmt.Errorf("%s: %w", flag, err)
}
