/**
 * The "new version" offer: a small bar at the bottom of the window, announced politely to screen
 * readers, with the reload button focused by neither theft nor surprise (focus stays where the
 * learner is). Plain DOM rather than React, so it works over any page (and before React renders).
 */
import './update-offer.css';

export const updateOfferId = 'eda-update-offer';

export function showUpdateOffer(reload: () => void): void {
  if (document.getElementById(updateOfferId)) return;
  const bar = document.createElement('div');
  bar.id = updateOfferId;
  bar.className = 'update-offer';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of EDA Lab is ready. Your progress is kept.';
  const go = document.createElement('button');
  go.type = 'button';
  go.textContent = 'Reload for the new version';
  go.addEventListener('click', () => {
    go.disabled = true;
    go.textContent = 'Reloading…';
    reload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = 'Later';
  later.addEventListener('click', () => bar.remove());
  bar.append(text, go, later);
  document.body.append(bar);
}
