// The Lab page's words in Korean; the keys are en.ts's, checked by test/unit/package/l10n.test.ts.
import type en from "./en";

const ko: Record<keyof typeof en, string> = {
  "views.label": "Sigmoid Lab 보기",
  "view.activations": "활성화 함수",
  "view.vanishing": "기울기 소실",
  "view.softmax": "로짓과 소프트맥스",
  "view.recurrent": "LSTM과 GRU",
  "export.label": "내보내기",
  "export.png": "PNG 내보내기",
  "export.csv": "CSV 내보내기",
  "export.py": "PyTorch 스크립트 내보내기",
  "export.running": "{0} 내보내는 중…",
  "export.failed": "내보내기 실패: {0}",
  "export.saved": "저장함: {0}",
  "export.cancelled": "내보내기 취소됨",
  "export.unknownError": "알 수 없는 오류",
  "activations.probe": "탐침 x",
  "activations.gain": "이득 k (1/온도)",
  "activations.range": "x 범위 ±",
  "activations.alsoDraw": "함께 그리기",
  "activations.chartLabel":
    "x에 대한 시그모이드 σ(kx)와 그 미분의 선 그래프. 탐침의 접선과 미분의 최댓값 0.25가 표시됩니다. 화살표 키로 탐침을 움직입니다.",
  "activations.caption": "σ(kx)와 그 미분",
  "activations.explain":
    "σ(x) = 1 / (1 + e^(−x))는 모든 실수를 (0, 1)로 보내므로, 시그모이드 출력 하나를 한 클래스의 확률로 읽을 수 있습니다. 기울기 σ'(x) = σ(x)·(1 − σ(x))는 x = 0에서 최댓값 0.25이고 양쪽으로 0을 향해 줄어듭니다: 시그모이드 층 n개를 거슬러 가는 기울기는 많아야 0.25ⁿ배가 됩니다 — 기울기 소실.",
  "activations.tangent": "탐침에서의 접선",
  "activations.maximum": "x = 0에서 최대 σ' = 0.25·k",
  "activations.probePoint": "탐침",
  "activations.slope": "σ(kx)의 기울기 = k·σ' = {0}",
  "activations.words":
    "σ는 항상 (0, 1) 안에 있습니다: 여기서는 클래스 1의 확률이 {0}입니다. σ'는 많아야 0.25(x = 0)이고, 여기서는 그 최댓값의 {1}이므로 이 유닛을 거슬러 가는 기울기는 {2}배가 됩니다",
  "activations.saturated": " — 유닛이 포화되어 거의 학습하지 않습니다.",
  "activations.undo": " logit(σ(x)) = x로 시그모이드를 되돌립니다.",
};

export default ko;
