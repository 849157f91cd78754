package modelio

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, dir, name string, b []byte) string {
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// X (K × d) and y (K, or K × C) from a .npz or an .npy pair, exactly.
func TestReadDataFile(t *testing.T) {
	dir := t.TempDir()
	x := string(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }\n", f64s(0, 1, 0.1, 2, -1, 3)))
	y1 := string(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }\n", []byte{0, 0, 0x80, 0x3F, 0, 0, 0, 0, 0xCD, 0xCC, 0xCC, 0x3D}))
	y2 := string(npyFile("{'descr': '<i8', 'fortran_order': False, 'shape': (3, 2), }\n", make([]byte, 48)))
	npzPath := writeFile(t, dir, "d.npz", zipOf(t, zip.Deflate, [2]string{"X.npy", x}, [2]string{"y.npy", y1}))
	d, err := ReadDataFile(npzPath, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if d.K() != 3 || d.Dim() != 2 || d.Outputs() != 1 || d.Label != "y" {
		t.Fatalf("K %d d %d C %d label %q", d.K(), d.Dim(), d.Outputs(), d.Label)
	}
	if d.X[1][0].Cmp(ratF(0.1)) != 0 || d.Y[2][0].RatString() != "13421773/134217728" {
		t.Errorf("X[1][0] = %s, y[2] = %s", d.X[1][0], d.Y[2][0])
	}
	od, err := d.Oracle()
	if err != nil || od.K() != 3 || od.Y[0].RatString() != "1" {
		t.Errorf("Oracle: %v %v", od, err)
	}
	xp := writeFile(t, dir, "X.npy", []byte(x))
	zp := writeFile(t, dir, "z.npy", []byte(y2))
	d, err = ReadDataFile(xp+","+zp, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if d.Outputs() != 2 || d.Label != "z" {
		t.Errorf("pair: C %d label %q, want 2 and z", d.Outputs(), d.Label)
	}
	if od, err := d.Oracle(); err != nil || od.Outputs() != 2 || od.Y != nil || od.Labels(1)[1].Cmp(d.Y[1][1]) != 0 {
		t.Errorf("Oracle of C = 2 data: %+v, %v; want the K × 2 labels in Ys", od, err)
	}
	for p, want := range map[string]bool{xp + "," + zp: true, "a.npz": true, "m.safetensors": true, "d,v2.csv": false, "f.json": false} {
		if IsModelFile(p) != want {
			t.Errorf("IsModelFile(%q) = %v", p, !want)
		}
	}
	pts, err := ReadPointsFile(xp, DefaultLimits)
	if err != nil || len(pts) != 3 || len(pts[0]) != 2 {
		t.Errorf("points: %v %v", pts, err)
	}
	pts, err = ReadPointsFile(npzPath, DefaultLimits)
	if err != nil || len(pts) != 3 {
		t.Errorf("points from npz: %v %v", pts, err)
	}
}

// Data that do not fit together are errors naming the array.
func TestReadDataBad(t *testing.T) {
	dir := t.TempDir()
	x := string(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }\n", f64s(0, 1, 0.1, 2, -1, 3)))
	y := string(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\n", f64s(0, 1)))
	y3d := string(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 1, 1), }\n", f64s(0, 1, 2)))
	for _, c := range []struct {
		name    string
		entries [][2]string
		want    string
	}{
		{"length", [][2]string{{"X.npy", x}, {"y.npy", y}}, `"y": 2 labels (shape [2]) for 3 rows`},
		{"3-d", [][2]string{{"X.npy", x}, {"y.npy", y3d}}, `"y": shape [3 1 1]`},
		{"no y", [][2]string{{"X.npy", x}}, "needs arrays X and y"},
		{"y and z", [][2]string{{"X.npy", x}, {"y.npy", y}, {"z.npy", y}}, "both"},
		{"extra", [][2]string{{"X.npy", x}, {"y.npy", y}, {"w.npy", y}}, `"w": array is not X, y or z`},
	} {
		p := writeFile(t, dir, c.name+".npz", zipOf(t, zip.Store, c.entries...))
		_, err := ReadDataFile(p, DefaultLimits)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}
