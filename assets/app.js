// Progressive enhancement only: every page works without this script.
/* global document, window, Event, HTMLOptGroupElement */
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

/**
 * A search-as-you-type picker over a plain <select data-app-picker> (the accessible-autocomplete
 * pattern): a text box with role="combobox" that filters a listbox of the select's options as the
 * person types; Up and Down move through it, Enter chooses, Escape closes. The select stays in the
 * form, hidden, and carries the choice, so the server sees exactly what it would without script.
 */
function enhancePicker(select) {
  const id = select.id;
  const choices = [...select.options]
    .filter((option) => option.value)
    .map((option) => ({
      value: option.value,
      text: option.text,
      hint: option.dataset.hint || '',
      group: option.parentElement instanceof HTMLOptGroupElement ? option.parentElement.label : '',
    }));
  const chosenText = () => (select.selectedOptions[0]?.value ? select.selectedOptions[0].text : '');

  const wrapper = document.createElement('div');
  wrapper.className = 'app-picker';

  const input = document.createElement('input');
  input.type = 'text';
  input.id = id;
  input.className = 'govuk-input app-picker__input' + (select.classList.contains('govuk-select--error') ? ' govuk-input--error' : '');
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.value = chosenText();
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', `${id}-listbox`);

  const usage = document.createElement('span');
  usage.id = `${id}-usage`;
  usage.className = 'govuk-visually-hidden';
  usage.textContent = 'Type to search. When results are available use up and down arrows to review and enter to select.';
  input.setAttribute('aria-describedby', [select.getAttribute('aria-describedby'), usage.id].filter(Boolean).join(' '));

  const listbox = document.createElement('ul');
  listbox.id = `${id}-listbox`;
  listbox.className = 'app-picker__menu';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', 'Matching indicators');
  listbox.hidden = true;

  const status = document.createElement('div');
  status.className = 'govuk-visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  // The select keeps its name (it is what the form sends) but gives its id and label to the text box.
  select.id = `${id}-select`;
  select.hidden = true;
  select.setAttribute('aria-hidden', 'true');
  select.tabIndex = -1;
  select.after(wrapper);
  wrapper.append(input, usage, listbox, status);

  let matches = [];
  let active = -1;
  let announceTimer;

  const announce = (text) => {
    // Wait for typing to pause, so a screen reader hears one count, not one per key.
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      status.textContent = text;
    }, 400);
  };

  const setActive = (index) => {
    active = index;
    [...listbox.children].forEach((item, n) => {
      const on = n === index;
      item.classList.toggle('app-picker__option--active', on);
      item.setAttribute('aria-selected', String(on));
      if (on) item.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `${id}-option-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const choose = (choice) => {
    select.value = choice ? choice.value : '';
    input.value = choice ? choice.text : '';
    close();
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const open = (query) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    matches = choices.filter((c) => words.every((w) => `${c.text} ${c.hint} ${c.group}`.toLowerCase().includes(w)));
    listbox.replaceChildren(
      ...matches.map((choice, n) => {
        const item = document.createElement('li');
        item.id = `${id}-option-${n}`;
        item.className = 'app-picker__option';
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
        item.setAttribute('aria-posinset', String(n + 1));
        item.setAttribute('aria-setsize', String(matches.length));
        const title = document.createElement('span');
        title.textContent = choice.text;
        const hint = document.createElement('span');
        hint.className = 'app-picker__hint';
        hint.textContent = [choice.hint, choice.group].filter(Boolean).join(' · ');
        item.append(title, hint);
        // mousedown, not click: the text box must keep focus until the choice is made.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(choice);
        });
        return item;
      }),
    );
    if (matches.length === 0) {
      const none = document.createElement('li');
      none.className = 'app-picker__option app-picker__option--none';
      none.textContent = 'No indicators match';
      listbox.append(none);
    }
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
    const n = matches.length;
    announce(n === 0 ? 'No indicators match' : `${n} indicator${n === 1 ? '' : 's'} ${n === 1 ? 'matches' : 'match'}`);
  };

  input.addEventListener('input', () => {
    if (input.value.trim()) open(input.value);
    else close();
  });

  input.addEventListener('keydown', (event) => {
    const expanded = !listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded) open(input.value.trim() === chosenText() ? '' : input.value);
        else if (active < matches.length - 1) setActive(active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (expanded && active > 0) setActive(active - 1);
        else if (expanded) setActive(-1);
        break;
      case 'Enter':
        // While the list is open, Enter chooses; it never submits the form half-chosen.
        if (expanded) {
          event.preventDefault();
          if (active >= 0) choose(matches[active]);
          else if (matches.length === 1) choose(matches[0]);
        }
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          close();
        }
        break;
      default:
    }
  });

  input.addEventListener('blur', () => {
    // What the box shows is what the form sends: an exact title is chosen, anything else is no choice.
    if (!listbox.hidden && active >= 0) {
      choose(matches[active]);
      return;
    }
    const typed = input.value.trim().toLowerCase();
    const exact = choices.find((c) => c.text.toLowerCase() === typed || c.hint.toLowerCase() === typed);
    if (exact) choose(exact);
    else if (typed !== chosenText().toLowerCase()) select.value = '';
    close();
  });
}

document.querySelectorAll('select[data-app-picker]').forEach(enhancePicker);

// A scorecard too wide for the window even at full width scrolls inside its own region (its header
// then scrolls with it); otherwise the region does not scroll, so the header stays in view.
function fitScorecards() {
  document.querySelectorAll('.app-scorecard-wrap').forEach((wrap) => {
    const table = wrap.querySelector('table');
    if (!table) return;
    wrap.classList.remove('app-scorecard-wrap--scroll');
    wrap.classList.toggle('app-scorecard-wrap--scroll', table.scrollWidth > wrap.clientWidth + 1);
  });
}

fitScorecards();
window.addEventListener('resize', fitScorecards);
