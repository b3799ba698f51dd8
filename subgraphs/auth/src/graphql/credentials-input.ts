import { Field, InputType } from 'type-graphql';

@InputType()
export class SignUpInput {
  @Field(() => String, { description: 'A valid e-mail address, at most 254 characters, stored lower-case; unique' })
  email!: string;

  @Field(() => String, { description: '8..128 characters' })
  password!: string;

  @Field(() => String, { description: 'Public; 1..50 characters, trimmed' })
  displayName!: string;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}
