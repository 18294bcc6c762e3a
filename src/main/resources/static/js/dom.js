// Small DOM helpers. Text always goes in through textContent, never as markup.
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function option(value, text, selected = false) {
  const o = el('option', null, text);
  o.value = value;
  o.selected = selected;
  return o;
}
