import { refreshWindow } from './refresh-indicators';

describe('refreshWindow', () => {
  const years = { from: 2021, to: 2025 };

  it('computes and writes every year on a full refresh', () => {
    expect(refreshWindow(years)).toEqual({ compute: years, write: years });
  });

  it('rewrites a changed year and the next, computing the one before for comparisons', () => {
    expect(refreshWindow(years, [2023])).toEqual({ compute: { from: 2022, to: 2024 }, write: { from: 2023, to: 2024 } });
  });

  it('stays inside the published years at both ends', () => {
    expect(refreshWindow(years, [2025])).toEqual({ compute: { from: 2024, to: 2025 }, write: { from: 2025, to: 2025 } });
    expect(refreshWindow(years, [2021])).toEqual({ compute: { from: 2021, to: 2022 }, write: { from: 2021, to: 2022 } });
  });
});
