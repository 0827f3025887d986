"""Does a class-quiz page fit the projector: nothing below the bar, nothing to scroll?"""

# What the page measures of itself: the lowest part above the bottom bar, whether the
# page scrolls, and the type size the script shrank the question to.
FITS = """() => {
    const bar = document.querySelector('.controls').getBoundingClientRect().top;
    const main = document.querySelector('.quiz-hall');
    const parts = [...main.children].filter(el => !el.matches('.controls'));
    return {below: Math.max(...parts.map(el => el.getBoundingClientRect().bottom)) > bar + 1,
            scrolls: document.documentElement.scrollHeight > innerHeight,
            size: parseFloat(getComputedStyle(main).fontSize)};
}"""
