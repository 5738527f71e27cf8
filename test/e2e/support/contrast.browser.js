// Runs in the playground webview; measures the slider's thumb, each section's chevron and title, each button's label, each field's text
// and, in high contrast, its border (plain JS: Playwright sends it as text). Argument: whether the theme is high contrast.
(hc) => {
  const rgb = (c) => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
  };
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  /** The first opaque background from `el` up (shadow hosts included). */
  const backgroundOf = (el) => {
    for (let e = el; e; e = e.parentElement ?? (e.getRootNode().host || null)) {
      const bg = getComputedStyle(e).backgroundColor;
      const c = rgb(bg);
      if (c && c[3] > 0.5) return bg;
    }
    return getComputedStyle(document.body).backgroundColor;
  };
  const out = [];
  const measure = (control, fg, bg, needed) => {
    const [a, b] = [rgb(fg), rgb(bg)];
    if (!a || !b) {
      out.push({ control, colors: `${fg} on ${bg}`, ratio: 0, needed });
      return;
    }
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    out.push({ control, colors: `${fg} on ${bg}`, ratio: (l1 + 0.05) / (l2 + 0.05), needed });
  };
  const slider = document.getElementById('epsilon-slider');
  measure('ε slider thumb', getComputedStyle(slider).accentColor, backgroundOf(slider.parentElement), 3);
  for (const section of document.querySelectorAll('vscode-collapsible')) {
    const icon = section.shadowRoot?.querySelector('.header-icon');
    const header = section.shadowRoot?.querySelector('.collapsible-header');
    const title = section.shadowRoot?.querySelector('.title');
    if (icon && header)
      measure(`${section.id} chevron`, getComputedStyle(icon).color, backgroundOf(header), 3);
    if (title && header)
      measure(`${section.id} title`, getComputedStyle(title).color, backgroundOf(header), 4.5);
  }
  for (const button of document.querySelectorAll('vscode-button')) {
    const base = button.shadowRoot?.querySelector('.base');
    if (base) measure(`#${button.id} label`, getComputedStyle(base).color, backgroundOf(base), 4.5);
  }
  for (const field of document.querySelectorAll('textarea, select, input[type="number"]')) {
    const style = getComputedStyle(field);
    measure(`#${field.id} text`, style.color, backgroundOf(field), 4.5);
    if (hc) measure(`#${field.id} border`, style.borderTopColor, backgroundOf(field.parentElement), 3);
  }
  return out;
};
