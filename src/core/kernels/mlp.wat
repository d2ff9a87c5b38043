;; The dense layers of ../networks/mlp.ts and ../networks/trainDeepNetwork.ts in WebAssembly with
;; 128-bit SIMD: each instruction multiplies or adds two doubles. Every number is the plain loops'
;; own, bit for bit: a lane holds a running sum those loops keep in a variable of its own, each sum
;; adds its terms in the very same order, and a product is rounded before it is added (f64x2.mul
;; then f64x2.add, never a fused multiply-add). Compiled by scripts/compile-kernels.mjs into
;; mlpWasm.ts.
;;
;; Every pointer and stride is in bytes, into this module's memory; arrays of doubles are 8-aligned.
(module
  (memory (export "memory") 1)

  ;; out_b[k] = bias[k] + Σ_j W[k, j]·p_b[j] for every row k of W (rows × cols, row-major) and
  ;; example b < batch (p_b at p + b·pStride, out_b at out + b·outStride). The plain loop keeps one
  ;; sum per row, from 0, adding j = 0, 1, …; so the lanes here run across rows, two rows to a
  ;; vector, each lane loaded from its own row (W is read as it is: a transposed copy would cost
  ;; as much as it saves). Eight rows a turn — four sums that do not wait for one another — then
  ;; four, two and one.
  (func (export "forward")
    (param $w i32) (param $rows i32) (param $cols i32) (param $bias i32)
    (param $p i32) (param $pStride i32) (param $out i32) (param $outStride i32) (param $batch i32)
    (local $rowBytes i32) (local $b i32) (local $k i32) (local $row i32) (local $at i32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    (block $examplesDone
      (loop $examples
        (br_if $examplesDone (i32.ge_s (local.get $b) (local.get $batch)))
        (local.set $k (i32.const 0))
        (local.set $row (local.get $w))
        (block $octetsDone
          (loop $octets
            (br_if $octetsDone (i32.gt_s (i32.add (local.get $k) (i32.const 8)) (local.get $rows)))
            (local.set $at (i32.shl (local.get $k) (i32.const 3)))
            (call $rows8 (local.get $row) (local.get $rowBytes) (local.get $p)
              (i32.add (local.get $bias) (local.get $at)) (i32.add (local.get $out) (local.get $at)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $rowBytes) (i32.const 3))))
            (local.set $k (i32.add (local.get $k) (i32.const 8)))
            (br $octets)))
        (if (i32.le_s (i32.add (local.get $k) (i32.const 4)) (local.get $rows))
          (then
            (local.set $at (i32.shl (local.get $k) (i32.const 3)))
            (call $rows4 (local.get $row) (local.get $rowBytes) (local.get $p)
              (i32.add (local.get $bias) (local.get $at)) (i32.add (local.get $out) (local.get $at)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $rowBytes) (i32.const 2))))
            (local.set $k (i32.add (local.get $k) (i32.const 4)))))
        (if (i32.le_s (i32.add (local.get $k) (i32.const 2)) (local.get $rows))
          (then
            (local.set $at (i32.shl (local.get $k) (i32.const 3)))
            (call $rows2 (local.get $row) (local.get $rowBytes) (local.get $p)
              (i32.add (local.get $bias) (local.get $at)) (i32.add (local.get $out) (local.get $at)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $rowBytes) (i32.const 1))))
            (local.set $k (i32.add (local.get $k) (i32.const 2)))))
        (if (i32.lt_s (local.get $k) (local.get $rows))
          (then
            (local.set $at (i32.shl (local.get $k) (i32.const 3)))
            (call $row1 (local.get $row) (local.get $rowBytes) (local.get $p)
              (i32.add (local.get $bias) (local.get $at)) (i32.add (local.get $out) (local.get $at)))))
        (local.set $p (i32.add (local.get $p) (local.get $pStride)))
        (local.set $out (i32.add (local.get $out) (local.get $outStride)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $examples))))

  ;; Rows r0 … r0 + 7 of forward's W (each rowBytes long) against p: four vectors of two sums.
  (func $rows8
    (param $r0 i32) (param $rowBytes i32) (param $p i32) (param $bias i32) (param $out i32)
    (local $r1 i32) (local $r2 i32) (local $r3 i32) (local $r4 i32) (local $r5 i32) (local $r6 i32)
    (local $r7 i32) (local $j i32)
    (local $x v128) (local $s01 v128) (local $s23 v128) (local $s45 v128) (local $s67 v128)
    (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
    (local.set $r2 (i32.add (local.get $r1) (local.get $rowBytes)))
    (local.set $r3 (i32.add (local.get $r2) (local.get $rowBytes)))
    (local.set $r4 (i32.add (local.get $r3) (local.get $rowBytes)))
    (local.set $r5 (i32.add (local.get $r4) (local.get $rowBytes)))
    (local.set $r6 (i32.add (local.get $r5) (local.get $rowBytes)))
    (local.set $r7 (i32.add (local.get $r6) (local.get $rowBytes)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $j) (local.get $rowBytes)))
        (local.set $x (v128.load64_splat (i32.add (local.get $p) (local.get $j))))
        (local.set $s01
          (f64x2.add (local.get $s01)
            (f64x2.mul
              (v128.load64_lane 1 (i32.add (local.get $r1) (local.get $j))
                (v128.load64_zero (i32.add (local.get $r0) (local.get $j))))
              (local.get $x))))
        (local.set $s23
          (f64x2.add (local.get $s23)
            (f64x2.mul
              (v128.load64_lane 1 (i32.add (local.get $r3) (local.get $j))
                (v128.load64_zero (i32.add (local.get $r2) (local.get $j))))
              (local.get $x))))
        (local.set $s45
          (f64x2.add (local.get $s45)
            (f64x2.mul
              (v128.load64_lane 1 (i32.add (local.get $r5) (local.get $j))
                (v128.load64_zero (i32.add (local.get $r4) (local.get $j))))
              (local.get $x))))
        (local.set $s67
          (f64x2.add (local.get $s67)
            (f64x2.mul
              (v128.load64_lane 1 (i32.add (local.get $r7) (local.get $j))
                (v128.load64_zero (i32.add (local.get $r6) (local.get $j))))
              (local.get $x))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $columns)))
    (v128.store (local.get $out) (f64x2.add (v128.load (local.get $bias)) (local.get $s01)))
    (v128.store offset=16 (local.get $out)
      (f64x2.add (v128.load offset=16 (local.get $bias)) (local.get $s23)))
    (v128.store offset=32 (local.get $out)
      (f64x2.add (v128.load offset=32 (local.get $bias)) (local.get $s45)))
    (v128.store offset=48 (local.get $out)
      (f64x2.add (v128.load offset=48 (local.get $bias)) (local.get $s67))))

  ;; Four rows, as $rows8.
  (func $rows4
    (param $r0 i32) (param $rowBytes i32) (param $p i32) (param $bias i32) (param $out i32)
    (local $r1 i32) (local $r2 i32) (local $r3 i32) (local $j i32)
    (local $x v128) (local $s01 v128) (local $s23 v128)
    (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
    (local.set $r2 (i32.add (local.get $r1) (local.get $rowBytes)))
    (local.set $r3 (i32.add (local.get $r2) (local.get $rowBytes)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $j) (local.get $rowBytes)))
        (local.set $x (v128.load64_splat (i32.add (local.get $p) (local.get $j))))
        (local.set $s01
          (f64x2.add (local.get $s01)
            (f64x2.mul
              (v128.load64_lane 1 (i32.add (local.get $r1) (local.get $j))
                (v128.load64_zero (i32.add (local.get $r0) (local.get $j))))
              (local.get $x))))
        (local.set $s23
          (f64x2.add (local.get $s23)
            (f64x2.mul
              (v128.load64_lane 1 (i32.add (local.get $r3) (local.get $j))
                (v128.load64_zero (i32.add (local.get $r2) (local.get $j))))
              (local.get $x))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $columns)))
    (v128.store (local.get $out) (f64x2.add (v128.load (local.get $bias)) (local.get $s01)))
    (v128.store offset=16 (local.get $out)
      (f64x2.add (v128.load offset=16 (local.get $bias)) (local.get $s23))))

  ;; Two rows, as $rows8.
  (func $rows2
    (param $r0 i32) (param $rowBytes i32) (param $p i32) (param $bias i32) (param $out i32)
    (local $r1 i32) (local $j i32) (local $s01 v128)
    (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $j) (local.get $rowBytes)))
        (local.set $s01
          (f64x2.add (local.get $s01)
            (f64x2.mul
              (v128.load64_lane 1 (i32.add (local.get $r1) (local.get $j))
                (v128.load64_zero (i32.add (local.get $r0) (local.get $j))))
              (v128.load64_splat (i32.add (local.get $p) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $columns)))
    (v128.store (local.get $out) (f64x2.add (v128.load (local.get $bias)) (local.get $s01))))

  ;; One row: one sum.
  (func $row1
    (param $r0 i32) (param $rowBytes i32) (param $p i32) (param $bias i32) (param $out i32)
    (local $j i32) (local $s f64)
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $j) (local.get $rowBytes)))
        (local.set $s
          (f64.add (local.get $s)
            (f64.mul (f64.load (i32.add (local.get $r0) (local.get $j)))
              (f64.load (i32.add (local.get $p) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $columns)))
    (f64.store (local.get $out) (f64.add (f64.load (local.get $bias)) (local.get $s))))

  ;; One layer's pass of a training step (trainDeepNetwork.ts, backwardAndUpdate), row k by row k
  ;; of W (rows × cols): with dk_b = δ_b[k] (δ_b at deltas + b·dStride) and d_b = dk_b·scaled[b],
  ;;   below_b[j] += dk_b·W[k, j]                   for every example, when hasBelow ≠ 0,
  ;;   g_j = 0 + d_b·p_b[j] + …                      over the examples whose d_b is not ±0, in order,
  ;;   gradSquares += g_j², weightSquares += W[k, j]², W[k, j] = W[k, j] − rate·g_j,
  ;; the two squares in one running sum each over the whole layer (j, then k, ascending), written
  ;; to squares[0] and squares[1]. Lanes run along the row: columns j and j + 1 side by side.
  ;; scratch holds 3·batch doubles: dk_b, then the non-zero d_b and (as i32) their p_b.
  (func (export "backwardUpdate")
    (param $w i32) (param $rows i32) (param $cols i32) (param $batch i32)
    (param $deltas i32) (param $dStride i32) (param $scaled i32)
    (param $hasBelow i32) (param $below i32) (param $belowStride i32)
    (param $p i32) (param $pStride i32)
    (param $rate f64) (param $scratch i32) (param $squares i32)
    (local $rowBytes i32) (local $pairBytes i32) (local $k i32) (local $b i32) (local $n i32)
    (local $i i32) (local $j i32) (local $row i32) (local $at i32)
    (local $dList i32) (local $pList i32) (local $dk f64) (local $d f64)
    (local $wv v128) (local $g v128) (local $rates v128) (local $sq v128)
    (local $ws f64) (local $gs f64) (local $wj f64) (local $gj f64)
    (local $gradSquares f64) (local $weightSquares f64)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 3)))
    ;; columns in whole pairs, then an odd last one
    (local.set $pairBytes (i32.and (local.get $rowBytes) (i32.const -16)))
    (local.set $dList (i32.add (local.get $scratch) (i32.shl (local.get $batch) (i32.const 3))))
    (local.set $pList (i32.add (local.get $dList) (i32.shl (local.get $batch) (i32.const 3))))
    (local.set $rates (f64x2.splat (local.get $rate)))
    (local.set $row (local.get $w))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_s (local.get $k) (local.get $rows)))
        ;; This row's dk_b, and the d_b that are not 0 with their examples' inputs.
        (local.set $n (i32.const 0))
        (local.set $b (i32.const 0))
        (block $gathered
          (loop $gather
            (br_if $gathered (i32.ge_s (local.get $b) (local.get $batch)))
            (local.set $dk
              (f64.load
                (i32.add
                  (i32.add (local.get $deltas) (i32.mul (local.get $b) (local.get $dStride)))
                  (i32.shl (local.get $k) (i32.const 3)))))
            (f64.store (i32.add (local.get $scratch) (i32.shl (local.get $b) (i32.const 3)))
              (local.get $dk))
            (local.set $d
              (f64.mul (local.get $dk)
                (f64.load (i32.add (local.get $scaled) (i32.shl (local.get $b) (i32.const 3))))))
            (if (f64.ne (local.get $d) (f64.const 0))
              (then
                (f64.store (i32.add (local.get $dList) (i32.shl (local.get $n) (i32.const 3)))
                  (local.get $d))
                (i32.store (i32.add (local.get $pList) (i32.shl (local.get $n) (i32.const 3)))
                  (i32.add (local.get $p) (i32.mul (local.get $b) (local.get $pStride))))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))))
            (local.set $b (i32.add (local.get $b) (i32.const 1)))
            (br $gather)))
        (local.set $j (i32.const 0))
        (if (i32.and (i32.eq (local.get $batch) (i32.const 4)) (i32.eq (local.get $n) (i32.const 4)))
          (then
            ;; The panel's batch of four, no δ of 0: the row's pairs in $row4.
            (call $row4 (local.get $row) (local.get $pairBytes) (local.get $hasBelow)
              (local.get $below) (local.get $belowStride) (local.get $p) (local.get $pStride)
              (local.get $scratch) (local.get $dList) (local.get $rates)
              (local.get $gradSquares) (local.get $weightSquares))
            (local.set $weightSquares)
            (local.set $gradSquares)
            (local.set $j (local.get $pairBytes))))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_u (local.get $j) (local.get $pairBytes)))
            (local.set $wv (v128.load (i32.add (local.get $row) (local.get $j))))
            (if (local.get $hasBelow)
              (then
                (local.set $b (i32.const 0))
                (local.set $at (i32.add (local.get $below) (local.get $j)))
                (block $belowDone
                  (loop $belowLoop
                    (br_if $belowDone (i32.ge_s (local.get $b) (local.get $batch)))
                    (v128.store (local.get $at)
                      (f64x2.add (v128.load (local.get $at))
                        (f64x2.mul
                          (v128.load64_splat
                            (i32.add (local.get $scratch) (i32.shl (local.get $b) (i32.const 3))))
                          (local.get $wv))))
                    (local.set $at (i32.add (local.get $at) (local.get $belowStride)))
                    (local.set $b (i32.add (local.get $b) (i32.const 1)))
                    (br $belowLoop)))))
            (local.set $g (v128.const f64x2 0 0))
            (local.set $i (i32.const 0))
            (block $gradDone
              (loop $gradLoop
                (br_if $gradDone (i32.ge_s (local.get $i) (local.get $n)))
                (local.set $at (i32.shl (local.get $i) (i32.const 3)))
                (local.set $g
                  (f64x2.add (local.get $g)
                    (f64x2.mul
                      (v128.load64_splat (i32.add (local.get $dList) (local.get $at)))
                      (v128.load
                        (i32.add (i32.load (i32.add (local.get $pList) (local.get $at)))
                          (local.get $j))))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $gradLoop)))
            (local.set $sq (f64x2.mul (local.get $g) (local.get $g)))
            (local.set $gradSquares
              (f64.add
                (f64.add (local.get $gradSquares) (f64x2.extract_lane 0 (local.get $sq)))
                (f64x2.extract_lane 1 (local.get $sq))))
            (local.set $sq (f64x2.mul (local.get $wv) (local.get $wv)))
            (local.set $weightSquares
              (f64.add
                (f64.add (local.get $weightSquares) (f64x2.extract_lane 0 (local.get $sq)))
                (f64x2.extract_lane 1 (local.get $sq))))
            (v128.store (i32.add (local.get $row) (local.get $j))
              (f64x2.sub (local.get $wv) (f64x2.mul (local.get $rates) (local.get $g))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $pairs)))
        ;; An odd last column, alone.
        (if (i32.lt_u (local.get $j) (local.get $rowBytes))
          (then
            (local.set $wj (f64.load (i32.add (local.get $row) (local.get $j))))
            (if (local.get $hasBelow)
              (then
                (local.set $b (i32.const 0))
                (local.set $at (i32.add (local.get $below) (local.get $j)))
                (block $belowDone
                  (loop $belowLoop
                    (br_if $belowDone (i32.ge_s (local.get $b) (local.get $batch)))
                    (f64.store (local.get $at)
                      (f64.add (f64.load (local.get $at))
                        (f64.mul
                          (f64.load
                            (i32.add (local.get $scratch) (i32.shl (local.get $b) (i32.const 3))))
                          (local.get $wj))))
                    (local.set $at (i32.add (local.get $at) (local.get $belowStride)))
                    (local.set $b (i32.add (local.get $b) (i32.const 1)))
                    (br $belowLoop)))))
            (local.set $gj (f64.const 0))
            (local.set $i (i32.const 0))
            (block $gradDone
              (loop $gradLoop
                (br_if $gradDone (i32.ge_s (local.get $i) (local.get $n)))
                (local.set $at (i32.shl (local.get $i) (i32.const 3)))
                (local.set $gj
                  (f64.add (local.get $gj)
                    (f64.mul
                      (f64.load (i32.add (local.get $dList) (local.get $at)))
                      (f64.load
                        (i32.add (i32.load (i32.add (local.get $pList) (local.get $at)))
                          (local.get $j))))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $gradLoop)))
            (local.set $gradSquares
              (f64.add (local.get $gradSquares) (f64.mul (local.get $gj) (local.get $gj))))
            (local.set $weightSquares
              (f64.add (local.get $weightSquares) (f64.mul (local.get $wj) (local.get $wj))))
            (f64.store (i32.add (local.get $row) (local.get $j))
              (f64.sub (local.get $wj) (f64.mul (local.get $rate) (local.get $gj))))))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $rowLoop)))
    (f64.store (local.get $squares) (local.get $gradSquares))
    (f64.store offset=8 (local.get $squares) (local.get $weightSquares)))

  ;; backwardUpdate's pairs of columns for one row when batch = 4 and no d_b is 0: the same sums
  ;; in the same order, with dk_b and d_b splatted once per row and the examples' loops unrolled.
  ;; Takes and returns the two running squares.
  (func $row4
    (param $row i32) (param $pairBytes i32) (param $hasBelow i32) (param $below i32)
    (param $belowStride i32) (param $p i32) (param $pStride i32) (param $dk i32) (param $d i32)
    (param $rates v128) (param $gradSquares f64) (param $weightSquares f64) (result f64 f64)
    (local $n0 i32) (local $n1 i32) (local $n2 i32) (local $n3 i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32) (local $j i32)
    (local $k0 v128) (local $k1 v128) (local $k2 v128) (local $k3 v128)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $wv v128) (local $g v128) (local $sq v128)
    (local.set $n0 (local.get $below))
    (local.set $n1 (i32.add (local.get $n0) (local.get $belowStride)))
    (local.set $n2 (i32.add (local.get $n1) (local.get $belowStride)))
    (local.set $n3 (i32.add (local.get $n2) (local.get $belowStride)))
    (local.set $p0 (local.get $p))
    (local.set $p1 (i32.add (local.get $p0) (local.get $pStride)))
    (local.set $p2 (i32.add (local.get $p1) (local.get $pStride)))
    (local.set $p3 (i32.add (local.get $p2) (local.get $pStride)))
    (local.set $k0 (v128.load64_splat (local.get $dk)))
    (local.set $k1 (v128.load64_splat offset=8 (local.get $dk)))
    (local.set $k2 (v128.load64_splat offset=16 (local.get $dk)))
    (local.set $k3 (v128.load64_splat offset=24 (local.get $dk)))
    (local.set $d0 (v128.load64_splat (local.get $d)))
    (local.set $d1 (v128.load64_splat offset=8 (local.get $d)))
    (local.set $d2 (v128.load64_splat offset=16 (local.get $d)))
    (local.set $d3 (v128.load64_splat offset=24 (local.get $d)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $j) (local.get $pairBytes)))
        (local.set $wv (v128.load (i32.add (local.get $row) (local.get $j))))
        (if (local.get $hasBelow)
          (then
            (call $addProduct (i32.add (local.get $n0) (local.get $j)) (local.get $k0) (local.get $wv))
            (call $addProduct (i32.add (local.get $n1) (local.get $j)) (local.get $k1) (local.get $wv))
            (call $addProduct (i32.add (local.get $n2) (local.get $j)) (local.get $k2) (local.get $wv))
            (call $addProduct (i32.add (local.get $n3) (local.get $j)) (local.get $k3) (local.get $wv))))
        (local.set $g
          (f64x2.add
            (f64x2.add
              (f64x2.add
                (f64x2.add (v128.const f64x2 0 0)
                  (f64x2.mul (local.get $d0) (v128.load (i32.add (local.get $p0) (local.get $j)))))
                (f64x2.mul (local.get $d1) (v128.load (i32.add (local.get $p1) (local.get $j)))))
              (f64x2.mul (local.get $d2) (v128.load (i32.add (local.get $p2) (local.get $j)))))
            (f64x2.mul (local.get $d3) (v128.load (i32.add (local.get $p3) (local.get $j))))))
        (local.set $sq (f64x2.mul (local.get $g) (local.get $g)))
        (local.set $gradSquares
          (f64.add
            (f64.add (local.get $gradSquares) (f64x2.extract_lane 0 (local.get $sq)))
            (f64x2.extract_lane 1 (local.get $sq))))
        (local.set $sq (f64x2.mul (local.get $wv) (local.get $wv)))
        (local.set $weightSquares
          (f64.add
            (f64.add (local.get $weightSquares) (f64x2.extract_lane 0 (local.get $sq)))
            (f64x2.extract_lane 1 (local.get $sq))))
        (v128.store (i32.add (local.get $row) (local.get $j))
          (f64x2.sub (local.get $wv) (f64x2.mul (local.get $rates) (local.get $g))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pairs)))
    (local.get $gradSquares)
    (local.get $weightSquares))

  ;; v[at] += k·w for a pair of doubles (below_b[j] += dk_b·W[k, j]).
  (func $addProduct (param $at i32) (param $k v128) (param $w v128)
    (v128.store (local.get $at)
      (f64x2.add (v128.load (local.get $at)) (f64x2.mul (local.get $k) (local.get $w)))))

  ;; (Copied from recurrent.wat: each module has its own memory.)
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
