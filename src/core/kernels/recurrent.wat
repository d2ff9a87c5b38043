;; The two products every recurrent step is made of, in WebAssembly with 128-bit SIMD: each
;; instruction multiplies or adds two doubles. They compute the very same numbers as the plain
;; loops in ../recurrent/dot.ts and ../recurrent/gradientThroughTime.ts, bit for bit: the lanes
;; hold the same running sums those loops keep in separate variables, and every sum is added in
;; the same order (mul then add, never a fused multiply-add, which would round once instead of
;; twice). Compiled by scripts/compile-kernels.mjs into recurrentWasm.ts.
;;
;; Every pointer is a byte offset into this module's memory; arrays of doubles are 8-aligned.
(module
  (memory (export "memory") 1)

  ;; out[k] = W[k]·v + bias[k] for the rows of W (rows × length, row-major), or with add ≠ 0,
  ;; out[k] + (W[k]·v + bias[k]). A row's four running sums s0..s3 (j ≡ 0..3 mod 4) are two
  ;; vectors, (s0, s1) and (s2, s3); the last length mod 4 products go to s0; the row's value is
  ;; s0 + s1 + (s2 + s3) + bias[k]. Two rows a turn share each load of v.
  (func $matVec (export "matVec")
    (param $w i32) (param $rows i32) (param $length i32) (param $v i32) (param $bias i32)
    (param $out i32) (param $add i32)
    (local $rowBytes i32) (local $whole i32) (local $end i32) (local $k i32)
    (local $p i32) (local $q i32) (local $i i32)
    (local $a01 v128) (local $a23 v128) (local $b01 v128) (local $b23 v128)
    (local $v01 v128) (local $v23 v128)
    (local $a0 f64) (local $b0 f64) (local $vj f64)
    ;; One column (an input of size 1, the view's default): rows k and k + 1 sit side by side in W,
    ;; so two rows are one vector. A row is then 0 + w·v (the first running sum, made +0 if it
    ;; is −0, as 0 + (−0) is), plus the three sums still at 0, plus the bias: (w·v ⊕ +0) + bias.
    (if (i32.eq (local.get $length) (i32.const 1))
      (then
        (call $matVecOneColumn (local.get $w) (local.get $rows) (local.get $v) (local.get $bias)
          (local.get $out) (local.get $add))
        (return)))
    (local.set $rowBytes (i32.shl (local.get $length) (i32.const 3)))
    (local.set $end (i32.add (local.get $v) (local.get $rowBytes)))
    (local.set $whole
      (i32.sub (local.get $end) (i32.shl (i32.and (local.get $length) (i32.const 3)) (i32.const 3))))
    (local.set $p (local.get $w))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_s (i32.add (local.get $k) (i32.const 1)) (local.get $rows)))
        (local.set $q (i32.add (local.get $p) (local.get $rowBytes)))
        (local.set $a01 (v128.const f64x2 0 0))
        (local.set $a23 (v128.const f64x2 0 0))
        (local.set $b01 (v128.const f64x2 0 0))
        (local.set $b23 (v128.const f64x2 0 0))
        (local.set $i (local.get $v))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.ge_u (local.get $i) (local.get $whole)))
            (local.set $v01 (v128.load (local.get $i)))
            (local.set $v23 (v128.load offset=16 (local.get $i)))
            (local.set $a01
              (f64x2.add (local.get $a01) (f64x2.mul (v128.load (local.get $p)) (local.get $v01))))
            (local.set $a23
              (f64x2.add (local.get $a23)
                (f64x2.mul (v128.load offset=16 (local.get $p)) (local.get $v23))))
            (local.set $b01
              (f64x2.add (local.get $b01) (f64x2.mul (v128.load (local.get $q)) (local.get $v01))))
            (local.set $b23
              (f64x2.add (local.get $b23)
                (f64x2.mul (v128.load offset=16 (local.get $q)) (local.get $v23))))
            (local.set $i (i32.add (local.get $i) (i32.const 32)))
            (local.set $p (i32.add (local.get $p) (i32.const 32)))
            (local.set $q (i32.add (local.get $q) (i32.const 32)))
            (br $quads)))
        (local.set $a0 (f64x2.extract_lane 0 (local.get $a01)))
        (local.set $b0 (f64x2.extract_lane 0 (local.get $b01)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $vj (f64.load (local.get $i)))
            (local.set $a0 (f64.add (local.get $a0) (f64.mul (f64.load (local.get $p)) (local.get $vj))))
            (local.set $b0 (f64.add (local.get $b0) (f64.mul (f64.load (local.get $q)) (local.get $vj))))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br $tail)))
        (call $store (local.get $out) (local.get $bias) (local.get $k) (local.get $add)
          (local.get $a0) (local.get $a01) (local.get $a23))
        (call $store (local.get $out) (local.get $bias) (i32.add (local.get $k) (i32.const 1))
          (local.get $add) (local.get $b0) (local.get $b01) (local.get $b23))
        ;; q ended at the start of row k + 2.
        (local.set $p (local.get $q))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $pairs)))
    ;; An odd last row, alone.
    (if (i32.lt_s (local.get $k) (local.get $rows))
      (then
        (local.set $a01 (v128.const f64x2 0 0))
        (local.set $a23 (v128.const f64x2 0 0))
        (local.set $i (local.get $v))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.ge_u (local.get $i) (local.get $whole)))
            (local.set $a01
              (f64x2.add (local.get $a01)
                (f64x2.mul (v128.load (local.get $p)) (v128.load (local.get $i)))))
            (local.set $a23
              (f64x2.add (local.get $a23)
                (f64x2.mul (v128.load offset=16 (local.get $p)) (v128.load offset=16 (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 32)))
            (local.set $p (i32.add (local.get $p) (i32.const 32)))
            (br $quads)))
        (local.set $a0 (f64x2.extract_lane 0 (local.get $a01)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $a0
              (f64.add (local.get $a0) (f64.mul (f64.load (local.get $p)) (f64.load (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $tail)))
        (call $store (local.get $out) (local.get $bias) (local.get $k) (local.get $add)
          (local.get $a0) (local.get $a01) (local.get $a23)))))

  ;; matVec for W of one column: two rows a vector; an odd last row alone.
  (func $matVecOneColumn
    (param $w i32) (param $rows i32) (param $v i32) (param $bias i32) (param $out i32) (param $add i32)
    (local $vv v128) (local $at i32) (local $end i32) (local $row v128) (local $x f64)
    (local.set $vv (f64x2.splat (f64.load (local.get $v))))
    (local.set $end (i32.shl (i32.and (local.get $rows) (i32.const -2)) (i32.const 3)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $row
          (f64x2.add
            (f64x2.add
              (v128.const f64x2 0 0)
              (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $at))) (local.get $vv)))
            (v128.load (i32.add (local.get $bias) (local.get $at)))))
        (if (local.get $add)
          (then
            (local.set $row
              (f64x2.add (v128.load (i32.add (local.get $out) (local.get $at))) (local.get $row)))))
        (v128.store (i32.add (local.get $out) (local.get $at)) (local.get $row))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $rows) (i32.const 1))
      (then
        (local.set $x
          (f64.add
            (f64.add
              (f64.const 0)
              (f64.mul (f64.load (i32.add (local.get $w) (local.get $at))) (f64.load (local.get $v))))
            (f64.load (i32.add (local.get $bias) (local.get $at)))))
        (if (local.get $add)
          (then
            (local.set $x (f64.add (f64.load (i32.add (local.get $out) (local.get $at))) (local.get $x)))))
        (f64.store (i32.add (local.get $out) (local.get $at)) (local.get $x)))))

  ;; out[k] = s0 + s1 + (s2 + s3) + bias[k], or out[k] + that; s0 is passed apart (it took the tail).
  (func $store
    (param $out i32) (param $bias i32) (param $k i32) (param $add i32)
    (param $s0 f64) (param $s01 v128) (param $s23 v128)
    (local $at i32) (local $value f64)
    (local.set $at (i32.shl (local.get $k) (i32.const 3)))
    (local.set $value
      (f64.add
        (f64.add
          (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $s01)))
          (f64.add (f64x2.extract_lane 0 (local.get $s23)) (f64x2.extract_lane 1 (local.get $s23))))
        (f64.load (i32.add (local.get $bias) (local.get $at)))))
    (if (local.get $add)
      (then
        (local.set $value
          (f64.add (f64.load (i32.add (local.get $out) (local.get $at))) (local.get $value)))))
    (f64.store (i32.add (local.get $out) (local.get $at)) (local.get $value)))

  ;; out[j] += Σ_k a[k]·W[k, j] for j < cols, k ascending, W rows × cols row-major: backpropagation's
  ;; Wᵀa. Each column's sum starts from out[j] and adds a[k]·W[k, j] in k order, as the plain loop
  ;; over Wᵀ does; here the lanes run along a row of W, so W needs no transposed copy. Eight
  ;; columns a turn, then two, then one.
  (func (export "transposedProduct")
    (param $w i32) (param $rows i32) (param $cols i32) (param $a i32) (param $out i32)
    (local $rowBytes i32) (local $j i32) (local $k i32) (local $p i32) (local $at i32)
    (local $ak v128) (local $s01 v128) (local $s23 v128) (local $s45 v128) (local $s67 v128)
    (local $s f64)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    (block $octetsDone
      (loop $octets
        (br_if $octetsDone (i32.gt_s (i32.add (local.get $j) (i32.const 8)) (local.get $cols)))
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $s01 (v128.load (local.get $at)))
        (local.set $s23 (v128.load offset=16 (local.get $at)))
        (local.set $s45 (v128.load offset=32 (local.get $at)))
        (local.set $s67 (v128.load offset=48 (local.get $at)))
        (local.set $p (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $k (i32.const 0))
        (block $rowsDone
          (loop $rowLoop
            (br_if $rowsDone (i32.ge_s (local.get $k) (local.get $rows)))
            (local.set $ak
              (f64x2.splat (f64.load (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3))))))
            (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $ak) (v128.load (local.get $p)))))
            (local.set $s23
              (f64x2.add (local.get $s23) (f64x2.mul (local.get $ak) (v128.load offset=16 (local.get $p)))))
            (local.set $s45
              (f64x2.add (local.get $s45) (f64x2.mul (local.get $ak) (v128.load offset=32 (local.get $p)))))
            (local.set $s67
              (f64x2.add (local.get $s67) (f64x2.mul (local.get $ak) (v128.load offset=48 (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (local.get $rowBytes)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $rowLoop)))
        (v128.store (local.get $at) (local.get $s01))
        (v128.store offset=16 (local.get $at) (local.get $s23))
        (v128.store offset=32 (local.get $at) (local.get $s45))
        (v128.store offset=48 (local.get $at) (local.get $s67))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $octets)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $cols)))
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $s01 (v128.load (local.get $at)))
        (local.set $p (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $k (i32.const 0))
        (block $rowsDone
          (loop $rowLoop
            (br_if $rowsDone (i32.ge_s (local.get $k) (local.get $rows)))
            (local.set $s01
              (f64x2.add (local.get $s01)
                (f64x2.mul
                  (f64x2.splat (f64.load (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3)))))
                  (v128.load (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (local.get $rowBytes)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $rowLoop)))
        (v128.store (local.get $at) (local.get $s01))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_s (local.get $j) (local.get $cols))
      (then
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $s (f64.load (local.get $at)))
        (local.set $p (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $k (i32.const 0))
        (block $rowsDone
          (loop $rowLoop
            (br_if $rowsDone (i32.ge_s (local.get $k) (local.get $rows)))
            (local.set $s
              (f64.add (local.get $s)
                (f64.mul
                  (f64.load (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3))))
                  (f64.load (local.get $p)))))
            (local.set $p (i32.add (local.get $p) (local.get $rowBytes)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $rowLoop)))
        (f64.store (local.get $at) (local.get $s)))))
)
