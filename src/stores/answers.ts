import { defineStore } from 'pinia';
import { ref } from 'vue';
import { NOT_SURE, type Question } from '../../core/content/model';
import type { Answers } from '../../core/visit/plan';

/** The visitor's triage answers. */
export const useAnswersStore = defineStore('answers', () => {
  const answers = ref<Answers>({});

  function selected(questionId: string): readonly string[] {
    return answers.value[questionId] ?? [];
  }

  function isAnswered(questionId: string): boolean {
    return selected(questionId).length > 0;
  }

  /**
   * Chooses an option. In a multiple-choice question options toggle and combine; "not sure"
   * stands alone, so choosing it clears the others and choosing another clears it.
   */
  function choose(question: Question, optionId: string): void {
    const current = selected(question.id);
    let next: string[];
    if (optionId === NOT_SURE || !question.multiple) {
      next = [optionId];
    } else if (current.includes(optionId)) {
      next = current.filter((o) => o !== optionId);
    } else {
      next = [...current.filter((o) => o !== NOT_SURE), optionId];
    }
    answers.value = { ...answers.value, [question.id]: next };
  }

  function reset(): void {
    answers.value = {};
  }

  return { answers, selected, isAnswered, choose, reset };
});
